"""Digitising papers at the desk: a scanner (SANE), a scan-to-folder, files."""
