"""The Administration menu's dialogs (admin role only): officials, the procedure
catalogue, the working calendar, printers and paper, the unit and its forms,
backups and the central connection. Each dialog calls the services; none
touches the database."""
