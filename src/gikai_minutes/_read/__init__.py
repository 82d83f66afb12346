"""Reading stages: decode, lines and pages, header scan, notes, fixes, paragraphs, bodies."""
