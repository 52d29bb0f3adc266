"""The administrator's dialogs: calendar, printing, unit, backups, centre, officials, catalogue."""
