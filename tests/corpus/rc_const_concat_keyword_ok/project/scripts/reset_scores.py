"""Zero every team and drop the cached standings: python scripts/reset_scores.py"""

from board import create_app
from board.scoreboard import SCORES, clear_scoreboard

if __name__ == "__main__":
    app = create_app()
    with app.app_context():
        for team in SCORES:
            SCORES[team] = 0
        clear_scoreboard()
    print("scores reset")
