"""crm-desktop: a desktop CRM for B2B sales offices."""

__version__ = "0.1.0"
APP_NAME = "crm-desktop"
