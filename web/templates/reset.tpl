{{%AUTOESCAPE context="HTML"}}
<h1>{{t_reset_title}}</h1>
<p>{{t_reset_help}}</p>
<form method="post" action="{{P}}/password/reset" class="stack narrow" novalidate>
{{>FORM_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="token" value="{{TOKEN}}">
<label for="password">{{t_field_new_password}}</label>
{{#E_password}}<p class="field-error" id="password-error">{{E_MSG}}</p>{{/E_password}}
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" aria-describedby="password-help{{#E_password}} password-error{{/E_password}}"{{#E_password}} aria-invalid="true"{{/E_password}}>
<p id="password-help" class="help">{{t_signup_password_help}}</p>
<button type="submit">{{t_reset_submit}}</button>
</form>
