{{%AUTOESCAPE context="HTML"}}
<h1>{{t_signup_title}}</h1>
{{#SENT}}<p class="notice" role="status">{{t_signup_sent}}</p>{{/SENT}}
{{#FORM}}<p>{{t_signup_help}}</p>
<form method="post" action="{{P}}/signup" class="stack narrow" novalidate>
{{>FORM_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">{{t_field_name}}</label>
{{#E_name}}<p class="field-error" id="name-error">{{E_MSG}}</p>{{/E_name}}
<input id="name" name="name" type="text" autocomplete="name" required maxlength="200" value="{{NAME}}"{{#E_name}} aria-invalid="true" aria-describedby="name-error"{{/E_name}}>
<label for="email">{{t_field_email}}</label>
{{#E_email}}<p class="field-error" id="email-error">{{E_MSG}}</p>{{/E_email}}
<input id="email" name="email" type="email" autocomplete="email" required value="{{EMAIL}}"{{#E_email}} aria-invalid="true" aria-describedby="email-error"{{/E_email}}>
<button type="submit">{{t_signup}}</button>
</form>{{/FORM}}
