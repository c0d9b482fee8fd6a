from concurrent.futures import ThreadPoolExecutor

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="background")
