package org.amplify.accounts;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;

/** Every name in the annotated collection is a {@link Role} (case does not matter). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownRoles.Validator.class)
public @interface KnownRoles {

    String message() default "unknown role";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownRoles, Collection<String>> {

        @Override
        public boolean isValid(Collection<String> names, ConstraintValidatorContext context) {
            try {
                Role.parseAll(names);
                return true;
            } catch (AccountRejectedException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(e.getMessage().replace("{", "\\{").replace("$", "\\$"))
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
