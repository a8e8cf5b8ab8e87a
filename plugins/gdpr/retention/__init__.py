"""Storage limitation (Art. 5(1)(e)): select expired records, drop the exempt ones, purge or anonymise."""
