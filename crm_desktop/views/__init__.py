"""Qt widgets, item models, dialogs and the worker runner (PySide6). Calls services only."""
