"""Waits for an item of the shared queue NAME until killed, or prints what it got."""
import sys

from shared_typeids import connect

manager = connect()
queue = manager.shared_queue(sys.argv[4])
print('WAITING')
print('got=%r' % (queue.get(),))
