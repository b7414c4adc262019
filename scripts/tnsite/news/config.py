"""Options of the news plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from tnsite.config import NEWS_DIR


class NewsConfig(Config):
    news_dir = c.Type(str, default=NEWS_DIR)
    festivals = c.Type(str, default="festivals")  # dataset name in data/
    feed_file = c.Type(str, default="feed.xml")
    calendar_file = c.Type(str, default="events.ics")
    events_dir = c.Type(str, default="events")
    horizon_days = c.Type(int, default=760)  # two years of yearly festivals
