"""Qt item models (QtCore only). A model gets callables for its data, never a session."""
