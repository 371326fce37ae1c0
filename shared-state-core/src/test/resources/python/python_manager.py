"""Runs Python's own SyncManager server, for comparisons: python3 python_manager.py AUTHKEY

Prints "READY port" once it accepts clients, and serves until it is killed.
"""
import sys
from multiprocessing.managers import SyncManager

server = SyncManager(address=('127.0.0.1', 0), authkey=sys.argv[1].encode()).get_server()
print('READY %d' % server.address[1], flush=True)
server.serve_forever()
