"""Front matter before the first speaker: title, date, key lines, agenda and rosters."""
