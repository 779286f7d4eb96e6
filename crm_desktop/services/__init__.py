"""Use cases and business rules. Plain Python: no PySide6 here (checked by import-linter)."""
