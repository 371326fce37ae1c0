"""Uses every SyncManager typeid the way a stock client does and prints one line per check.

Runs against any manager server: python3 every_typeid.py HOST PORT AUTHKEY
The output does not depend on which server answers (orders that a server may choose are
sorted), so that the same script can be run against Python's own manager and compared;
checks whose label starts with "differs:" are where shared-state answers differently on
purpose, each explained beside it.
"""
import multiprocessing
import sys
import threading
import time
from multiprocessing.managers import SyncManager, dispatch

host, port, authkey = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
# Proxies that arrive inside values authenticate with the process's key (Python's rule).
multiprocessing.current_process().authkey = authkey
manager = SyncManager(address=(host, port), authkey=authkey)
manager.connect()


def check(label, function):
    try:
        result = function()
    except Exception as error:  # the exception's type is what both servers must agree on
        result = 'raises ' + type(error).__name__
    else:
        result = repr(result)
    print('%s\t%s' % (label, result), flush=True)


def items(mapping):
    return sorted(mapping.items(), key=repr)


def run_in_thread(function):
    results = []
    thread = threading.Thread(target=lambda: results.append(function()))
    thread.start()
    return thread, results


# dict
d = manager.dict({'a': 1}, b=2)
d['c'] = 3
d[(1, 2)] = 'tuple key'
d['none'] = None
check('dict items', lambda: items(d._getvalue()))
check('dict len', lambda: len(d))
check('dict contains', lambda: ('a' in d, 'zz' in d, (1, 2) in d))
check('dict get', lambda: (d.get('a'), d.get('zz'), d.get('zz', 'default'), d.get('none')))
check('dict getitem', lambda: (d['a'], d[(1, 2)], d['none']))
check('dict getitem missing', lambda: d['missing'])
check('dict unhashable key', lambda: d[[1]])
check('dict delitem', lambda: d.__delitem__('c'))
check('dict delitem missing', lambda: d.__delitem__('missing'))
check('dict pop', lambda: (d.pop('b'), d.pop('zz', 0)))
check('dict pop missing', lambda: d.pop('zz'))
check('dict setdefault', lambda: (d.setdefault('s', [1]), d.setdefault('s', 'other')))
check('dict update', lambda: (d.update([('u', 1)], v=2), d.update({'w': 3})))
check('dict keys', lambda: sorted(d.keys(), key=repr))
check('dict values', lambda: sorted(d.values(), key=repr))
check('dict iter', lambda: sorted(iter(d), key=repr))
check('dict copy', lambda: items(d.copy()))
single = manager.dict({'x': 1})
check('dict popitem', lambda: single.popitem())
check('dict popitem empty', lambda: single.popitem())
check('dict str', lambda: str(manager.dict({'k': 'v'})))
check('dict clear', lambda: (d.clear(), len(d), d._getvalue()))
values = [2 ** 70, -2 ** 70, -5, 0, 255, 65536, 2 ** 31, 1.5, -0.0, 1e300, float('inf'), True, False, None,
          b'bytes', b'', 'str', '', 'h\u00e9llo \u2713 \U0001F600', 'x' * 300, (), (1,), (1, (2, 3)), [], [1, [2]],
          {'n': {'m': 1}}, {1, 2}, set(), {(1, 2): [3]}]
for index, value in enumerate(values):
    d[index] = value
check('dict values round trip', lambda: [d[index] for index in range(len(values))] == values)
check('dict value types', lambda: [type(d[index]).__name__ for index in range(len(values))])
d['plain'] = [1, 2]
d['plain'].append(3)
check('dict nested plain list (a copy)', lambda: d['plain'])
inner = manager.list([1])
d['inner'] = inner
got = d['inner']
got.append(2)
check('dict nested proxy type', lambda: type(got).__name__)
check('dict nested proxy is shared', lambda: (inner[:], got[:]))

# list
lst = manager.list([3, 1, 2])
lst.append(4)
lst.extend([5, 6])
lst.insert(0, 0)
lst.insert(-1, 9)
lst.insert(100, 7)
check('list value', lambda: lst._getvalue())
check('list index', lambda: (lst[0], lst[-1], lst[2]))
check('list slices', lambda: (lst[1:3], lst[::2], lst[::-1], lst[-3:], lst[5:1], lst[1:100:3]))
check('list len contains', lambda: (len(lst), 3 in lst, 99 in lst))
check('list index count', lambda: (lst.index(2), lst.count(1), lst.index(7, 2)))
check('list index missing', lambda: lst.index(99))
check('list getitem out of range', lambda: lst[100])
check('list bad index', lambda: lst['x'])
check('list setitem', lambda: (lst.__setitem__(1, 10), lst[:]))
check('list setitem slice', lambda: (lst.__setitem__(slice(1, 2), [7, 8]), lst[:]))
check('list setitem extended slice', lambda: (lst.__setitem__(slice(0, 4, 2), ['a', 'b']), lst[:]))
check('list setitem extended slice wrong size', lambda: lst.__setitem__(slice(0, 4, 2), [1]))
check('list setitem out of range', lambda: lst.__setitem__(100, 1))
check('list delitem', lambda: (lst.__delitem__(0), lst.__delitem__(slice(1, 3)), lst[:]))
check('list delitem extended slice', lambda: (lst.__delitem__(slice(None, None, 2)), lst[:]))
check('list delitem out of range', lambda: lst.__delitem__(100))
check('list pop', lambda: (lst.pop(), lst.pop(0), lst[:]))
check('list pop empty', lambda: manager.list().pop())
check('list pop out of range', lambda: lst.pop(100))
numbers = manager.list([3, 1.5, 2, True, 10])
check('list remove', lambda: (numbers.remove(2), numbers[:]))
check('list remove missing', lambda: numbers.remove(99))
check('list sort', lambda: (numbers.sort(), numbers[:]))
check('list sort reverse', lambda: (numbers.sort(reverse=True), numbers[:]))
check('list sort mixed', lambda: manager.list([3, 'a']).sort())
check('list reverse', lambda: (numbers.reverse(), numbers[:]))
check('list add mul', lambda: (numbers + [0], numbers * 2, 2 * numbers))
check('list add tuple', lambda: numbers + (1,))
numbers *= 2
check('list imul', lambda: numbers[:])
numbers += ['end']
check('list iadd', lambda: numbers[:])
check('list reversed', lambda: list(reversed(numbers)))
check('list str', lambda: str(manager.list(['a', 1])))
check('list from str', lambda: manager.list('ab')[:])

# Namespace
ns = manager.Namespace(a=1)
ns.b = 'two'
ns.none = None
check('namespace get', lambda: (ns.a, ns.b, ns.none))
check('namespace missing', lambda: ns.c)
check('namespace delete', lambda: (delattr(ns, 'a'), getattr(ns, 'b')))
check('namespace deleted', lambda: ns.a)
check('namespace delete missing', lambda: delattr(ns, 'zz'))
check('namespace str', lambda: str(ns))
check('namespace value', lambda: repr(ns._getvalue()))

# Value and Array
v = manager.Value('i', 5)
check('value get', lambda: (v.value, v.get()))
check('value set', lambda: (v.set(7), v.value))
v.value = 8
check('value str', lambda: str(v))
check('value getvalue', lambda: repr(v._getvalue()))
a = manager.Array('i', [1, 2, 3])
check('array len get', lambda: (len(a), a[0], a[-1]))
check('array set', lambda: (a.__setitem__(1, 5), a[1]))
check('array slice', lambda: a[0:2])
check('array out of range', lambda: a[10])
check('array wrong type', lambda: a.__setitem__(0, 'x'))
check('array float in int array', lambda: a.__setitem__(0, 1.5))
check('array overflow', lambda: a.__setitem__(0, 2 ** 40))
check('array getvalue', lambda: a._getvalue())
check('array str', lambda: str(a))
check('array of double', lambda: manager.Array('d', [1.5, 2])._getvalue())
# Python's own manager reports a failing create as a RemoteError carrying the traceback;
# shared-state raises the exception itself.
check('differs: array bad typecode', lambda: manager.Array('z', [1]))

# Lock and RLock
lock = manager.Lock()
check('lock acquire', lambda: (lock.acquire(), lock.acquire(False), lock.acquire(True, 0.05)))
check('lock release', lambda: (lock.release(), lock.acquire(False), lock.release()))
check('lock release unlocked', lambda: lock.release())
check('lock timeout non-blocking', lambda: lock.acquire(False, 1))
with lock:
    check('lock with', lambda: 'inside')
check('lock free after with', lambda: (lock.acquire(False), lock.release()))
rlock = manager.RLock()
check('rlock reentrant', lambda: (rlock.acquire(), rlock.acquire(), rlock.release(), rlock.release()))
check('rlock release unowned', lambda: rlock.release())
holding = threading.Event()
thread, results = run_in_thread(lambda: (lock.acquire(), holding.set(), time.sleep(0.3), lock.release()))
holding.wait(30)
check('lock waits for another thread', lambda: lock.acquire(True, 30))
thread.join()
lock.release()

# Semaphore and BoundedSemaphore
sem = manager.Semaphore(2)
check('semaphore acquire', lambda: (sem.acquire(), sem.acquire(), sem.acquire(False), sem.acquire(timeout=0.05)))
check('semaphore release', lambda: (sem.release(), sem.acquire(False)))
bounded = manager.BoundedSemaphore(1)
check('bounded semaphore over-release', lambda: bounded.release())
check('bounded semaphore', lambda: (bounded.acquire(), bounded.release()))
check('differs: semaphore negative', lambda: manager.Semaphore(-1))

# Condition
cond = manager.Condition()
check('condition wait timeout', lambda: (cond.acquire(), cond.wait(0.05), cond.notify(), cond.notify_all(),
                                         cond.release()))
check('condition notify unowned', lambda: cond.notify())
check('condition wait unowned', lambda: cond.wait(0.01))
flag = manager.Value('i', 0)


def wait_for_flag():
    with cond:
        return cond.wait_for(lambda: flag.value == 1, timeout=10)


thread, results = run_in_thread(wait_for_flag)
time.sleep(0.2)
with cond:
    flag.value = 1
    cond.notify_all()
thread.join()
check('condition wakes a waiting thread', lambda: results)
# Python's own manager rebuilds the lock proxy with its own process's authkey, which a
# server started apart from its clients does not share (CPython #139801): it may differ.
check('differs: condition over a lock', lambda: (manager.Condition(manager.Lock()).acquire(),))

# Event
event = manager.Event()
check('event', lambda: (event.is_set(), event.wait(0.05), event.set(), event.wait(), event.is_set()))
check('event clear', lambda: (event.clear(), event.is_set()))
thread, results = run_in_thread(lambda: event.wait(10))
time.sleep(0.1)
event.set()
thread.join()
check('event wakes a waiting thread', lambda: results)

# Barrier
barrier = manager.Barrier(2, timeout=10)
first, first_result = run_in_thread(lambda: barrier.wait())
second, second_result = run_in_thread(lambda: barrier.wait())
first.join()
second.join()
check('barrier indices', lambda: sorted(first_result + second_result))
check('barrier attributes', lambda: (barrier.parties, barrier.n_waiting, barrier.broken))
check('barrier abort', lambda: (barrier.abort(), barrier.broken))
check('barrier broken wait', lambda: barrier.wait())
check('barrier reset', lambda: (barrier.reset(), barrier.broken))
check('barrier timeout', lambda: manager.Barrier(2).wait(0.05))

# Queue and JoinableQueue
queue = manager.Queue()
check('queue type', lambda: type(queue).__name__)
check('queue put get', lambda: (queue.put(1), queue.put((2, 'b')), queue.put(None), queue.qsize(), queue.get(),
                                queue.get(), queue.get(), queue.empty()))
check('queue get empty', lambda: queue.get(False))
check('queue get timeout', lambda: queue.get(timeout=0.05))
check('queue get_nowait', lambda: queue.get_nowait())
check('queue negative timeout', lambda: queue.get(True, -1))
bounded_queue = manager.Queue(1)
check('queue full', lambda: (bounded_queue.put(1), bounded_queue.full(), bounded_queue.qsize()))
check('queue put full', lambda: bounded_queue.put(2, False))
check('queue put timeout', lambda: bounded_queue.put(2, timeout=0.05))
check('queue put_nowait', lambda: bounded_queue.put_nowait(3))
thread, results = run_in_thread(lambda: (time.sleep(0.2), queue.put('late')))
check('queue get waits', lambda: queue.get(timeout=10))
thread.join()
tasks = manager.Queue()
check('queue task_done', lambda: (tasks.put(1), tasks.get(), tasks.task_done(), tasks.join()))
check('queue task_done too many', lambda: tasks.task_done())
joinable = manager.JoinableQueue()
for item in range(3):
    joinable.put(item)


def consume():
    taken = []
    for _ in range(3):
        taken.append(joinable.get())
        joinable.task_done()
    return taken


thread, results = run_in_thread(consume)
joinable.join()
thread.join()
check('joinable queue join', lambda: results)

# Server functions
before = manager._number_of_objects()
transient = manager.dict()
check('number_of_objects after create', lambda: manager._number_of_objects() - before)
del transient
check('number_of_objects after release', lambda: manager._number_of_objects() - before)
check('debug_info', lambda: type(manager._debug_info()).__name__)


def get_methods(proxy):
    connection = manager._Client(manager._address, authkey=manager._authkey)
    try:
        return dispatch(connection, None, 'get_methods', (proxy._token,))
    finally:
        connection.close()


check('get_methods', lambda: {'__getitem__', 'keys', 'update'} <= set(get_methods(d)))

# Pool: a clear error on shared-state, a pool on Python's manager
check('differs: Pool', lambda: type(manager.Pool(1)).__name__)
print('done', flush=True)
