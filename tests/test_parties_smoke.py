from crm_desktop.services import parties as p


def test_create_and_get_client(db, actor):
    created = p.create_client(db, actor, p.ClientDraft(name='ООО "Ромашка"'))
    got = p.get_client(db, created.id)
    assert got.name == 'ООО "Ромашка"'
    assert got.owner_id == actor.user_id
    assert got.version == 1
