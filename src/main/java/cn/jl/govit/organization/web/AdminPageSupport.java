package cn.jl.govit.organization.web;

import java.util.List;
import java.util.Locale;

import org.springframework.validation.BindingResult;

import cn.jl.govit.organization.Organization;
import cn.jl.govit.rulebook.InvalidInputException;

/** What the administrator's pages share: refusals of the services shown next to the fields they concern. */
final class AdminPageSupport {

    private AdminPageSupport() {
    }

    /** Puts each field error of the service next to its form field, or above the form when the form has none. */
    static void reject(BindingResult result, InvalidInputException e, List<String> formFields) {
        for (InvalidInputException.FieldError error : e.errors()) {
            Object[] args = cn.jl.govit.rulebook.MessageKey.arguments(error.args());
            if (formFields.contains(error.field())) {
                result.rejectValue(error.field(), error.messageKey(), args, null);
            }
            else {
                result.reject(error.messageKey(), args, null);
            }
        }
    }

    /** A choice of a select or checkbox list: the value posted and the label shown. */
    record Option(String value, String label) {

        static List<Option> organizations(List<Organization> organizations, Locale locale) {
            return organizations.stream().map(o -> new Option(o.code(), o.code() + " " + o.name(locale))).toList();
        }
    }
}
