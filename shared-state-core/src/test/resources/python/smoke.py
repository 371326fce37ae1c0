"""Connects, uses a dict, a list, a lock and a queue, and prints the interpreter's version."""
import platform

from shared_typeids import connect

manager = connect()
d = manager.dict()
d['version'] = platform.python_version()
d['big'] = 'x' * 100000
inner = manager.list([1])
d['inner'] = inner
d['inner'].append(2)
lock = manager.Lock()
with lock:
    pass
queue = manager.Queue()
queue.put((1, None))
print('version=%s' % d['version'])
print('checks=%r' % ((len(d['big']), inner[:], queue.get(), lock.acquire(False)),))
