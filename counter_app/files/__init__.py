"""Files of the electronic dossier: the counter's content-addressed store and
the PDFs built from scans, photos and files."""
