package io.sharedstate.pool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * How the map calls of a pool split their items into tasks and put the results back
 * together.
 */
final class Chunks {

	private Chunks() {
	}

	static List<Object> list(Iterable<?> items) {
		List<Object> all = new ArrayList<>();
		items.forEach(all::add);
		return all;
	}

	/**
	 * Returns the chunk size Python's {@code Pool.map} picks: about four chunks per
	 * worker.
	 * @param items how many items
	 * @param workers how many workers
	 * @return the chunk size, at least 1
	 */
	static int defaultSize(int items, int workers) {
		int size = items / (workers * 4);
		if (items % (workers * 4) != 0) {
			size++;
		}
		return Math.max(1, size);
	}

	/**
	 * Joins the results of chunks in order; fails as soon as one chunk fails.
	 * @param <R> the result type
	 * @param chunks the chunks' futures, in item order
	 * @return the future of all results
	 */
	static <R> CompletableFuture<List<R>> inOrder(List<CompletableFuture<List<R>>> chunks) {
		CompletableFuture<List<R>> all = new CompletableFuture<>();
		if (chunks.isEmpty()) {
			all.complete(List.of());
			return all;
		}
		AtomicInteger left = new AtomicInteger(chunks.size());
		for (CompletableFuture<List<R>> chunk : chunks) {
			chunk.whenComplete((results, failure) -> {
				if (failure != null) {
					all.completeExceptionally(unwrap(failure));
				}
				else if (left.decrementAndGet() == 0) {
					List<R> joined = new ArrayList<>();
					chunks.forEach((done) -> joined.addAll(done.join()));
					all.complete(joined);
				}
			});
		}
		all.whenComplete((results, failure) -> {
			if (failure instanceof CancellationException) {
				chunks.forEach((chunk) -> chunk.cancel(false));
			}
		});
		return all;
	}

	/**
	 * Streams the results of chunks as the chunks finish.
	 * @param <R> the result type
	 * @param chunks the chunks' futures
	 * @return the results; the stream blocks for the next chunk, and throws
	 * {@link TaskFailedException} where a failed chunk would be
	 */
	static <R> Stream<R> asCompleted(List<CompletableFuture<List<R>>> chunks) {
		LinkedBlockingQueue<CompletableFuture<List<R>>> finished = new LinkedBlockingQueue<>();
		chunks.forEach((chunk) -> chunk.whenComplete((results, failure) -> finished.add(chunk)));
		Iterator<R> results = new Iterator<>() {

			private int chunksLeft = chunks.size();

			private Iterator<R> current = List.<R>of().iterator();

			@Override
			public boolean hasNext() {
				while (!this.current.hasNext() && this.chunksLeft > 0) {
					this.current = results(take(finished)).iterator();
					this.chunksLeft--;
				}
				return this.current.hasNext();
			}

			@Override
			public R next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.current.next();
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(results, Spliterator.ORDERED), false);
	}

	private static <R> CompletableFuture<List<R>> take(LinkedBlockingQueue<CompletableFuture<List<R>>> finished) {
		try {
			return finished.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TaskFailedException("Interrupted while waiting for the results of a pool", ex);
		}
	}

	private static <R> List<R> results(CompletableFuture<List<R>> chunk) {
		try {
			return chunk.get();
		}
		catch (ExecutionException ex) {
			throw new TaskFailedException("A task failed: " + ex.getCause(), ex.getCause());
		}
		catch (CancellationException | InterruptedException ex) {
			throw new TaskFailedException("A task was cancelled", ex);
		}
	}

	static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

}
