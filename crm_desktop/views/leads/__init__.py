"""Leads («Лиды»): the list, the card, the reject dialog and the conversion wizard.

- :mod:`.list` — :class:`~crm_desktop.views.leads.list.LeadsList`, the «Leads» section's tab;
- :mod:`.card` — :class:`~crm_desktop.views.leads.card.LeadCard`, a lead's card;
- :mod:`.reject_dialog` — :class:`~crm_desktop.views.leads.reject_dialog.RejectDialog`;
- :mod:`.conversion` — :class:`~crm_desktop.views.leads.conversion.ConversionWizard`.
"""
