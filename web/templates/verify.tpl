{{%AUTOESCAPE context="HTML"}}
<h1>{{t_verify_choose_title}}</h1>
<p>{{t_verify_choose_help}}</p>
<form method="post" action="{{P}}/verify" class="stack narrow" novalidate>
{{>FORM_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="token" value="{{TOKEN}}">
<label for="password">{{t_field_password}}</label>
{{#E_password}}<p class="field-error" id="password-error">{{E_MSG}}</p>{{/E_password}}
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" aria-describedby="password-help{{#E_password}} password-error{{/E_password}}"{{#E_password}} aria-invalid="true"{{/E_password}}>
<p id="password-help" class="help">{{t_signup_password_help}}</p>
<button type="submit">{{t_verify_submit}}</button>
</form>
