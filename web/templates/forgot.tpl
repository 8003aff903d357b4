{{%AUTOESCAPE context="HTML"}}
<h1>{{t_forgot_title}}</h1>
{{#SENT}}<p class="notice" role="status">{{SENT_TEXT}}</p>
<p><a href="{{P}}/login">{{t_login}}</a></p>{{/SENT}}
{{#FORM}}<p>{{t_forgot_help}}</p>
<form method="post" action="{{P}}/password/forgot" class="stack narrow" novalidate>
{{>FORM_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="email">{{t_field_email}}</label>
{{#E_email}}<p class="field-error" id="email-error">{{E_MSG}}</p>{{/E_email}}
<input id="email" name="email" type="email" autocomplete="username" required value="{{EMAIL}}"{{#E_email}} aria-invalid="true" aria-describedby="email-error"{{/E_email}}>
<button type="submit">{{t_forgot_submit}}</button>
</form>{{/FORM}}
