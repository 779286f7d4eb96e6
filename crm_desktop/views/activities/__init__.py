"""Interactions and tasks: their cards, the quick "Register interaction" dialog, the tabs a
record's card shows them on, the reminder window and its controller, the Today page."""

from __future__ import annotations

from crm_desktop.views.activities.interaction_card import InteractionCard
from crm_desktop.views.activities.register_dialog import RegisterInteractionDialog
from crm_desktop.views.activities.reminders import ReminderController, ReminderWindow
from crm_desktop.views.activities.tabs import InteractionsTab, TasksTab
from crm_desktop.views.activities.task_card import TaskCard
from crm_desktop.views.activities.today import TodayPage

ACTIVITY_CARDS = {"interaction": InteractionCard, "task": TaskCard}

__all__ = [
    "ACTIVITY_CARDS",
    "InteractionCard",
    "InteractionsTab",
    "RegisterInteractionDialog",
    "ReminderController",
    "ReminderWindow",
    "TaskCard",
    "TasksTab",
    "TodayPage",
]
