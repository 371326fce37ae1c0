package io.sharedstate.process;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;

import io.sharedstate.SharedState;
import io.sharedstate.custom.TestTypes;
import io.sharedstate.custom.TestTypes.GetSetter;
import io.sharedstate.custom.TestTypes.Matrix;
import io.sharedstate.custom.TestTypes.Parent;

/**
 * The programs child JVMs run in the cross-process tests of custom objects, after seed
 * 001. The parent JVM hosts the objects and has registered {@link TestTypes}; children
 * only use proxies. Each prints {@code key=value} lines and exits 0 on success.
 */
final class CustomChildMains {

	private CustomChildMains() {
	}

	/**
	 * The seed's {@code change_obj_value(obj)}: sets 100 on a proxy handed over,
	 * Java-serialized, as the program's argument, like Python's
	 * {@code Process(target=..., args=[inst])}. Args: base64 proxy.
	 */
	static final class SetValueOfProxyArgument {

		public static void main(String[] args) throws Exception {
			byte[] bytes = Base64.getDecoder().decode(args[0]);
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
				GetSetter value = (GetSetter) in.readObject();
				value.set(100);
				System.out.println("value=" + value.get());
			}
		}

	}

	/**
	 * The seed's nested case: sets 100 on a parent and on the child it returns. Args:
	 * host:port, the parent's name.
	 */
	static final class SetParentAndChild {

		public static void main(String[] args) {
			try (SharedState manager = Children.connect(args[0])) {
				Parent parent = manager.proxy(TestTypes.PARENT, args[1], Parent.class);
				parent.set(100);
				parent.child().set(100);
				System.out.println("child=" + parent.child().get());
			}
		}

	}

	/**
	 * One of several workers that set the cells of a shared 10x10 matrix, each cell (p,
	 * q) to 10p + q, taking every n-th cell. Args: host:port, the matrix's name, this
	 * worker's index, the number of workers.
	 */
	static final class MatrixWorker {

		public static void main(String[] args) {
			int index = Integer.parseInt(args[2]);
			int workers = Integer.parseInt(args[3]);
			int done = 0;
			try (SharedState manager = Children.connect(args[0])) {
				Matrix matrix = manager.proxy(TestTypes.MATRIX, args[1], Matrix.class);
				for (int task = index; task < 100; task += workers) {
					int p = task / 10;
					int q = task % 10;
					matrix.set(p, q, 10 * p + q);
					done++;
				}
			}
			System.out.println("done=" + done);
		}

	}

}
