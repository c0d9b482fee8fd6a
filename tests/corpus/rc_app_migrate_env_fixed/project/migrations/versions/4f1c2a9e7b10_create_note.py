"""create note

Revision ID: 4f1c2a9e7b10
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "4f1c2a9e7b10"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
    )


def downgrade():
    op.drop_table("note")
