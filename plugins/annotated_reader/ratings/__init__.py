"""Reliability ratings: the Admiralty-style grades and criteria, reading and checking a
rating, the comparison and methodology pages, and ClaimReview for fact-checks.

May import the core and rendering; never another feature.
"""
