import os

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from huey import MemoryHuey, RedisHuey

app = Flask(__name__)
app.config.from_mapping(SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite://"))
db = SQLAlchemy(app)

if os.environ.get("HUEY_MEMORY") == "1":
    huey = MemoryHuey("shop")
else:
    huey = RedisHuey("shop", url=os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
