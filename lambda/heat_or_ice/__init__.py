"""Heat or Ice: an Alexa skill that advises heat or ice for back and neck pain."""
