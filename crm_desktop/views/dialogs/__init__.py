"""Modal questions and dialogs; each has an ``ask(...)`` that tests monkeypatch."""
