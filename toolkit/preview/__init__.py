"""`toolkit preview`: a local web page that shows a meeting's documents as they are drafted.

A warm process (WeasyPrint and the fonts loaded once) rebuilds what changed whenever a
source is saved, with the same incremental build as `toolkit build`, and the page
refreshes itself through server-sent events. See session.py for how the parts meet.
"""
