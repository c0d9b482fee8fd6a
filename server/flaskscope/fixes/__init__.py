"""Quick fixes: for each finding, the idiomatic fixes of its scenario, preferred one first.

The table says which idioms fit which entry point; ``strategies`` holds the idioms. A fix is
computed with the finding (its plan travels in the diagnostic), so applying it never needs a
second analysis.
"""
