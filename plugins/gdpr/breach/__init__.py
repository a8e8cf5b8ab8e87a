"""Breach response (Art. 33-34): who and what a breach affects, the drafts for the authority
and the subjects, and the record of the notification.

Only ``choices`` is safe to import at DAG parse time (it reads the data map's YAML, nothing else).
"""
