"""The Alexa layer: handlers by capability, interceptors, and speech. Medicine lives in `core`."""
