package org.kitepkana.partnership.common.adapter.in.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.platform.web.ApiProblem;
import org.kitepkana.platform.web.FieldError;

/**
 * Collects what is wrong with a request while it is turned into domain values, each under its JSON
 * path (e.g. {@code contributions[1].currency}), so one answer lists every field at fault.
 */
public final class RequestErrors {

  private final List<FieldError> errors = new ArrayList<>();

  /** Builds a value; on {@link InvalidValue} records it under {@code path} and returns null. */
  public <T> T value(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidValue e) {
      add(join(path, e.property()), e.reason());
      return null;
    }
  }

  /** The enum constant named {@code raw}; null (and an error unless optional) otherwise. */
  public <E extends Enum<E>> E enumValue(String path, String raw, Class<E> type, boolean required) {
    if (raw == null || raw.isBlank()) {
      if (required) {
        add(path, "must not be null");
      }
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(raw.strip())) {
        return constant;
      }
    }
    add(path, "must be one of " + Arrays.toString(type.getEnumConstants()));
    return null;
  }

  /** Records an error unless {@code value} is present. */
  public <T> T required(String path, T value) {
    if (value == null) {
      add(path, "must not be null");
    }
    return value;
  }

  /** Records an error; a second error for a field already at fault is dropped. */
  public void add(String field, String reason) {
    if (errors.stream().noneMatch(e -> e.field().equals(field))) {
      errors.add(new FieldError(field, reason));
    }
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Refuses the request with 400 and every error collected, if there is any. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw ApiProblem.badRequest(errors);
    }
  }

  public static String join(String path, String property) {
    if (property == null || property.isEmpty()) {
      return path;
    }
    if (path == null || path.isEmpty()) {
      return property;
    }
    return path + "." + property;
  }

  public static String at(String path, int index) {
    return path + "[" + index + "]";
  }
}
