"""Every column that refers to a client, counterparty or contact is moved by a merge."""

from __future__ import annotations

from crm_desktop.models import Base
from crm_desktop.services.merge import MOVERS


def test_every_reference_to_a_party_is_in_the_merge_registry():
    registered = {
        (model.__table__.name, column.key, target.__table__.name)
        for target, movers in MOVERS.items()
        for model, column, _ in movers
    }
    targets = {target.__table__.name for target in MOVERS}
    missing = {
        (table.name, column.name, fk.column.table.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        for fk in column.foreign_keys
        if fk.column.table.name in targets and column.name != "merged_into_id"
    } - registered
    assert not missing, f"a merge would leave these pointing at the merged record: {missing}"
