"""Vocabulary of Japanese minutes as data: character sets, role lexicon, numerals, dates."""
