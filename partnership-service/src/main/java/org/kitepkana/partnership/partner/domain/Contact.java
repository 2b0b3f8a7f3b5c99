package org.kitepkana.partnership.partner.domain;

import java.util.regex.Pattern;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.common.domain.Text;

/**
 * A person to talk to at a partner. Personal data: kept in partnership-service, never published.
 *
 * @param position e.g. "айыл өкмөтүнүн башчысы"; optional
 * @param phone digits, spaces, dashes, parentheses and a leading +; optional
 * @param email optional
 */
public record Contact(String name, String position, String phone, String email) {

  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{5,30}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  public Contact {
    name = Text.required("name", name, 200);
    position = Text.optional("position", position, 200);
    phone = Text.optional("phone", phone, 30);
    email = Text.optional("email", email, 200);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw new InvalidValue("phone", "must be a phone number such as +996 3522 5 12 34");
    }
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new InvalidValue("email", "must be an e-mail address");
    }
  }
}
