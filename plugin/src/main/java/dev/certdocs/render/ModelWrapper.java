package dev.certdocs.render;

import freemarker.ext.beans.StringModel;
import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.utility.ObjectWrapperWithAPISupport;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelWithAPISupport;
import freemarker.template.TemplateSequenceModel;
import freemarker.template.WrappingTemplateModel;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The object wrapper of the templates' data model: FreeMarker's {@link DefaultObjectWrapper} with
 * its 2.3.33 defaults, except that a record of certdocs' own ({@link PageModel} and the records it
 * holds) is read without reflection. FreeMarker's bean model reads {@code article.title} through
 * {@code Method.invoke} of the accessor, with an access check, on every read; here each record
 * class gets, once, a function per component (made with {@link LambdaMetafactory}), and a read is
 * a map lookup and a plain call.
 *
 * <p>What templates see does not change: a record is still a FreeMarker bean ({@link StringModel},
 * method-call aware, as the default wrapper's {@code GenericObjectModel}), its component's value
 * is wrapped by this wrapper as before, and every other key ({@code article.title()},
 * {@code ?keys}, {@code ?values}, a key that is not a component, {@code toString()}) goes to
 * FreeMarker's own code. {@code ModelWrapperTest} holds it to the default wrapper.
 */
final class ModelWrapper extends DefaultObjectWrapper {

    /** The component readers of each record class of certdocs; null for any other class. */
    private static final ClassValue<Readers> READERS = new ClassValue<>() {
        @Override
        protected Readers computeValue(Class<?> type) {
            return readers(type);
        }
    };

    /** At most this many record classes are looked up in {@link #known}; any further in {@link #READERS}. */
    private static final int KNOWN = 32;

    /**
     * The record classes this wrapper met and their readers (null for a record not of certdocs),
     * as pairs, replaced whole when one is added. {@link ClassValue#get} cost a probe of the
     * class's table and usually a second search (its home slot holds another class value), on
     * every record a page wraps (2 % of the templates' time under C1); the data model has a dozen
     * record classes, compared here by identity.
     */
    private volatile Object[] known = new Object[0];

    ModelWrapper() {
        super(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33), true);
    }

    /** The readers of a record class, null when the default wrapper reads it. */
    private Readers readersOf(Class<?> type) {
        Object[] pairs = known;
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] == type) return (Readers) pairs[i + 1];
        }
        Readers readers = READERS.get(type);
        synchronized (this) {
            Object[] now = known;
            if (now.length < 2 * KNOWN) {
                Object[] more = Arrays.copyOf(now, now.length + 2);
                more[now.length] = type;
                more[now.length + 1] = readers;
                known = more;
            }
        }
        return readers;
    }

    @Override
    public TemplateModel wrap(Object obj) throws TemplateModelException {
        if (obj instanceof Record) {
            Readers readers = readersOf(obj.getClass());
            if (readers != null) return new RecordModel(obj, this, readers, false);
        }
        if (obj instanceof ServiceList list) return new SharedListModel(list, list.models(this), null, null, this);
        if (obj instanceof ServiceList.PageServices page) {
            return new SharedListModel(page, page.all().models(this), page.marked(), page.copies(), this);
        }
        return super.wrap(obj);
    }

    /**
     * The models of a list's elements as {@link #wrap} makes them, made to be shared by every page
     * that lists them, from any thread: a record's kept component values are all wrapped at once
     * and never written again.
     */
    TemplateModel[] wrapShared(List<?> elements) throws TemplateModelException {
        TemplateModel[] models = new TemplateModel[elements.size()];
        for (int i = 0; i < models.length; i++) {
            Object e = elements.get(i);
            Readers readers = e instanceof Record ? readersOf(e.getClass()) : null;
            models[i] = readers != null ? new RecordModel(e, this, readers, true) : super.wrap(e);
        }
        return models;
    }

    /**
     * A cloud's services as one page lists them: what FreeMarker's {@code DefaultListAdapter}
     * gives templates (a sequence, adapter and wrapper of the list, with its {@code ?api}), whose
     * elements are the models made once per cloud ({@link ServiceList#models}) but for the entries
     * this page marks, wrapped for this page. The 600 entries of a repository's navigation were
     * wrapped anew, and their url, name and count each wrapped again, on every page.
     */
    static final class SharedListModel extends WrappingTemplateModel
            implements TemplateSequenceModel, AdapterTemplateModel, WrapperTemplateModel, TemplateModelWithAPISupport,
            java.io.Serializable {

        private static final long serialVersionUID = 1L;

        // As FreeMarker's adapter, serializable in name only: models are not kept beyond a build.
        private final transient List<?> list;
        private final transient TemplateModel[] shared;
        private final transient int[] marked;
        private final transient Object[] copies;

        SharedListModel(List<?> list, TemplateModel[] shared, int[] marked, Object[] copies, ModelWrapper wrapper) {
            super(wrapper);
            this.list = list;
            this.shared = shared;
            this.marked = marked;
            this.copies = copies;
        }

        @Override
        public TemplateModel get(int index) throws TemplateModelException {
            if (index < 0 || index >= shared.length) return null;
            if (marked != null) {
                for (int m = 0; m < marked.length; m++) {
                    if (marked[m] == index) return wrap(copies[m]);
                }
            }
            return shared[index];
        }

        @Override
        public int size() {
            return shared.length;
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return getWrappedObject();
        }

        @Override
        public Object getWrappedObject() {
            return list;
        }

        @Override
        public TemplateModel getAPI() throws TemplateModelException {
            return ((ObjectWrapperWithAPISupport) getObjectWrapper()).wrapAsAPI(list);
        }
    }

    /**
     * A record as FreeMarker's default wrapper hands it to templates (a bean whose zero-argument
     * methods are properties and methods both), with its components read by precomputed functions.
     * A component's wrapped value is kept after its first read: a template reads
     * {@code page.path} or {@code article.service} once per entry of the services navigation, and
     * the root model hands out the same {@code page} and {@code article} each time. Only values
     * whose wrapped form is a stateless view are kept (strings, numbers, booleans, lists, records
     * of certdocs); records are immutable and their lists are not changed once built.
     */
    static final class RecordModel extends StringModel implements MethodCallAwareTemplateHashModel {

        private final Readers readers;
        /** Made with every kept value, to be shared by threads: {@link #values} is never written after the constructor. */
        private final boolean shared;
        /** The wrapped components read so far, by component index; made on the first read. */
        private TemplateModel[] values;

        RecordModel(Object record, ModelWrapper wrapper, Readers readers, boolean shared) throws TemplateModelException {
            super(record, wrapper);
            this.readers = readers;
            this.shared = shared;
            if (shared) {
                values = new TemplateModel[readers.read.length];
                for (int i = 0; i < values.length; i++) {
                    if (readers.keep[i]) values[i] = wrap(readers.read[i].apply(record));
                }
            }
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            int i = readers.indexOf(key);
            if (i < 0) {
                if (readers.isMissing(key)) return null;
                TemplateModel other = super.get(key);
                if (other == null && noMember(object.getClass(), key)) readers.missing(key);
                return other;
            }
            TemplateModel[] known = values;
            if (known != null && known[i] != null) return known[i];
            // The value is wrapped as FreeMarker wraps a property's value: by the wrapper's outer identity.
            TemplateModel value = wrap(readers.read[i].apply(object));
            if (readers.keep[i] && value != null && !shared) {
                if (known == null) values = known = new TemplateModel[readers.read.length];
                known[i] = value;
            }
            return value;
        }

        /**
         * Whether no public method of the class could answer {@code key} for another instance: none
         * named as the key, as its bean getter ({@code getKey}, {@code isKey}) or as a generic
         * {@code get}. A getter that returned null here may return a value for another record.
         */
        static boolean noMember(Class<?> type, String key) {
            if (key.isEmpty()) return false;
            String bean = Character.toUpperCase(key.charAt(0)) + key.substring(1);
            for (Method m : type.getMethods()) {
                String name = m.getName();
                if (name.equals(key) || name.equals("get") || name.equals("get" + bean) || name.equals("is" + bean)) return false;
            }
            return true;
        }

        @Override
        public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException, ShouldNotBeGetAsMethodException {
            return super.getBeforeMethodCall(key);
        }
    }

    /**
     * A record class's components: their index by name, a function reading each, and whether its
     * wrapped value may be kept.
     */
    static final class Readers {
        /**
         * The component names in an open-addressing table of a power of two, at most half full, and
         * each one's index: a read is a hash (cached in the key) and usually one compare. The
         * JDK's immutable map it replaces spent a modulo and a call per probe, on every read of
         * every page (10–15 % of the templates' time with 600 services in the navigation).
         */
        private final String[] names;
        private final int[] hashes;
        private final int[] slots;
        final Function<Object, Object>[] read;
        final boolean[] keep;
        /**
         * Keys that are neither a component nor a method of the class, for which FreeMarker's bean
         * model answered null (the default theme's {@code site.language!"en"} on every page: a
         * search of the class's methods and a logger's level asked each time). At most
         * {@link #MISSING} of them, replaced whole when one is added; shared by the threads.
         */
        private volatile String[] absent = new String[0];
        private static final int MISSING = 16;

        private Readers(Map<String, Integer> index, Function<Object, Object>[] read, boolean[] keep) {
            int size = Integer.highestOneBit(Math.max(1, index.size()) * 4 - 1);
            this.names = new String[size];
            this.hashes = new int[size];
            this.slots = new int[size];
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                int h = e.getKey().hashCode();
                int at = spread(h) & (size - 1);
                while (names[at] != null) at = (at + 1) & (size - 1);
                names[at] = e.getKey();
                hashes[at] = h;
                slots[at] = e.getValue();
            }
            this.read = read;
            this.keep = keep;
        }

        boolean isMissing(String key) {
            for (String a : absent) {
                if (a.equals(key)) return true;
            }
            return false;
        }

        synchronized void missing(String key) {
            String[] now = absent;
            if (now.length < MISSING && !isMissing(key)) {
                String[] more = Arrays.copyOf(now, now.length + 1);
                more[now.length] = key;
                absent = more;
            }
        }

        /** The index of the component named {@code key}, or -1. */
        int indexOf(String key) {
            int h = key.hashCode();
            int mask = names.length - 1;
            for (int at = spread(h) & mask; ; at = (at + 1) & mask) {
                String name = names[at];
                if (name == null) return -1;
                if (hashes[at] == h && name.equals(key)) return slots[at];
            }
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
    }

    /**
     * A reader per component of a public certdocs record that implements no interface (an
     * interface such as {@code List} or {@code Map} would make FreeMarker wrap it otherwise), whose
     * accessors are public; null for every other class, which the default wrapper handles.
     */
    @SuppressWarnings("unchecked")
    static Readers readers(Class<?> type) {
        if (!type.isRecord() || !type.getName().startsWith("dev.certdocs.") || type.getInterfaces().length > 0
                || !publiclyReachable(type)) {
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Integer> index = new HashMap<>();
        Function<Object, Object>[] read = new Function[components.length];
        boolean[] keep = new boolean[components.length];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (int i = 0; i < components.length; i++) {
            var accessor = components[i].getAccessor();
            if (!Modifier.isPublic(accessor.getModifiers())) return null;
            try {
                read[i] = reader(lookup, lookup.unreflect(accessor), type);
            } catch (ReflectiveOperationException | LambdaConversionException | RuntimeException e) {
                // Without a reader the default wrapper reads the record, as it always did.
                return null;
            }
            index.put(components[i].getName(), i);
            keep[i] = kept(components[i].getType());
        }
        return new Readers(index, read, keep);
    }

    /** Whether the wrapped value of a component of this type is a stateless view that may be read again. */
    private static boolean kept(Class<?> type) {
        return type.isPrimitive() || type == String.class || type == List.class
                || type.isRecord() && type.getName().startsWith("dev.certdocs.");
    }

    private static boolean publiclyReachable(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) return false;
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> reader(MethodHandles.Lookup lookup, MethodHandle accessor, Class<?> type)
            throws LambdaConversionException {
        Class<?> result = MethodType.methodType(accessor.type().returnType()).wrap().returnType();
        MethodHandle factory = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                MethodType.methodType(Object.class, Object.class), accessor, MethodType.methodType(result, type)).getTarget();
        try {
            return (Function<Object, Object>) factory.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            // A factory of a non-capturing lambda only allocates; nothing here can fail but the VM itself.
            throw new IllegalStateException("cannot make a reader of " + type.getName(), t);
        }
    }
}
