"""Takes the shared lock NAME, says HELD, and holds it until killed."""
import sys
import time

from shared_typeids import connect

manager = connect()
lock = manager.shared_lock(sys.argv[4])
lock.acquire()
print('HELD')
time.sleep(600)
