"""Connects a stock SyncManager to the manager at HOST PORT AUTHKEY (the first three
arguments), with the typeids that reach objects Java shares by name registered."""
import multiprocessing
import sys
from multiprocessing.managers import AcquirerProxy, DictProxy, EventProxy, ListProxy, SyncManager

SyncManager.register('shared_dict', proxytype=DictProxy)
SyncManager.register('shared_list', proxytype=ListProxy)
SyncManager.register('shared_queue')
SyncManager.register('shared_lock', proxytype=AcquirerProxy)
SyncManager.register('shared_event', proxytype=EventProxy)


def connect(authkey=None):
    host, port = sys.argv[1], int(sys.argv[2])
    key = authkey if authkey is not None else sys.argv[3].encode()
    multiprocessing.current_process().authkey = key
    manager = SyncManager(address=(host, port), authkey=key)
    manager.connect()
    return manager
