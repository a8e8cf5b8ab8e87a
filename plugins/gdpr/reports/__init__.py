"""Reports people open: the Art. 30 register, previews, certificates, boards (HTML and CSV)."""
