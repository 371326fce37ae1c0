"""Tries to connect with a wrong authkey; prints what happened."""
from shared_typeids import connect

try:
    connect(authkey=b'not the key')
    print('outcome=connected')
except Exception as error:
    print('outcome=%s' % type(error).__name__)
