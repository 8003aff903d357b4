{{%AUTOESCAPE context="HTML"}}
<h1>{{t_login_title}}</h1>
<form method="post" action="{{P}}/login" class="stack narrow" novalidate>
{{>FORM_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<label for="email">{{t_field_email}}</label>
{{#E_email}}<p class="field-error" id="email-error">{{E_MSG}}</p>{{/E_email}}
<input id="email" name="email" type="email" autocomplete="username" required value="{{EMAIL}}"{{#E_email}} aria-invalid="true" aria-describedby="email-error"{{/E_email}}>
<label for="password">{{t_field_password}}</label>
{{#E_password}}<p class="field-error" id="password-error">{{E_MSG}}</p>{{/E_password}}
<input id="password" name="password" type="password" autocomplete="current-password" required{{#E_password}} aria-invalid="true" aria-describedby="password-error"{{/E_password}}>
<button type="submit">{{t_login}}</button>
</form>
<p><a href="{{P}}/password/forgot">{{t_login_forgot}}</a></p>
<p><a href="{{P}}/signup">{{t_login_no_account}}</a></p>
