"""Wizards: step-by-step dialogs that write nothing until the user finishes."""
