"""Increments a counter in a shared dict COUNT times, each time under a shared lock."""
import sys

from shared_typeids import connect

manager = connect()
lock = manager.shared_lock('counter-lock')
counter = manager.shared_dict('counter')
start = manager.shared_event('start')
print('READY')
start.wait(60)
for _ in range(int(sys.argv[4])):
    with lock:
        counter['count'] = counter['count'] + 1
print('done')
