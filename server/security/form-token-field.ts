/** The hidden field a form's token travels in (shared by the form components and the check). */
export const FORM_TOKEN_FIELD = "formToken";
