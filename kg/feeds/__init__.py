"""Getting articles in: fetch bytes within limits, parse them into ``Article``s, decide when to poll next."""
