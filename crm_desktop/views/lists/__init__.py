"""List screens: tables over the paged item models."""
